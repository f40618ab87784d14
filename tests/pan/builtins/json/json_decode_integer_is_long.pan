object template json_decode_integer_is_long;
# @expect=/nlist[@name="profile"]/long[@name="v"]="7"
'/v' = json_decode('7');
