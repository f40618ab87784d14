object template json_encode_boolean;
# @expect=/nlist[@name="profile"]/string[@name="v"]="false"
'/v' = json_encode(false);
