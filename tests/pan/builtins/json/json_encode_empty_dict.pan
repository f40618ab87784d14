object template json_encode_empty_dict;
# @expect=/nlist[@name="profile"]/string[@name="v"]="{}"
'/v' = json_encode(dict());
