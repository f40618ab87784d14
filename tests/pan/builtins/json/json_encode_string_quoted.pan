object template json_encode_string_quoted;
# @expect=/nlist[@name="profile"]/string[@name="v"]='"hi"'
'/v' = json_encode('hi');
