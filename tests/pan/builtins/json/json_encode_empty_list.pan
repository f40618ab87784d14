object template json_encode_empty_list;
# @expect=/nlist[@name="profile"]/string[@name="v"]="[]"
'/v' = json_encode(list());
