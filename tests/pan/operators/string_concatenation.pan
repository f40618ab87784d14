object template string_concatenation;
# @expect=/nlist[@name="profile"]/string[@name="v"]="concatenate"
'/v' = 'con' + 'cat' + 'enate';
