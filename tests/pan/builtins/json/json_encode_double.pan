object template json_encode_double;
# @expect=/nlist[@name="profile"]/string[@name="v"]="0.5"
'/v' = json_encode(0.5);
