object template escaped_term_empty;
# @expect=/nlist[@name="profile"]/*[@name="e"]/long[@name="_"]="0"
'/e/{}' = 0;
