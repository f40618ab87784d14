object template json_encode_long;
# @expect=/nlist[@name="profile"]/string[@name="v"]="42"
'/v' = json_encode(42);
