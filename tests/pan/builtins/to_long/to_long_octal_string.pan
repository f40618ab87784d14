object template to_long_octal_string;
# @expect=/nlist[@name="profile"]/long[@name="v"]="15"
'/v' = to_long('017');
