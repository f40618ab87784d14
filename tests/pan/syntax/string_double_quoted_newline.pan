object template string_double_quoted_newline;
# @expect=string-length(/nlist/string[@name="v"])=7
'/v' = "one\ntwo";
