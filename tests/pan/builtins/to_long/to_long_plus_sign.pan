object template to_long_plus_sign;
# @expect=/nlist[@name="profile"]/long[@name="v"]="7"
'/v' = to_long('+7');
