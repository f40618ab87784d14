object template unescape_uppercase_hex;
# @expect=/nlist[@name="profile"]/string[@name="v"]=":-"
'/v' = unescape('_3A_2D');
