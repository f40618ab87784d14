object template key_with_punctuation;
# @expect=/nlist[@name="profile"]/*[@name="d"]/string[@name="x.y-z+w"]="p"
'/d/x.y-z+w' = 'p';
