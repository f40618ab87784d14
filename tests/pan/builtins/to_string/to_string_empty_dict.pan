object template to_string_empty_dict;
# @expect=/nlist[@name="profile"]/string[@name="v"]="{  }"
'/v' = to_string(dict());
