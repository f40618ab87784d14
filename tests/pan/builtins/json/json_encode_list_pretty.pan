object template json_encode_list_pretty;
# @expect=string-length(/nlist/string[@name="v"])=12
# @expect=starts-with(/nlist/string[@name="v"], "[")
'/v' = json_encode(list(1, 2));
