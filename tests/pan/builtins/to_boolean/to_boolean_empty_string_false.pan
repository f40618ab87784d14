object template to_boolean_empty_string_false;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = to_boolean('');
