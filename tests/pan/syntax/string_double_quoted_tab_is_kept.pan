object template string_double_quoted_tab_is_kept;
# @expect=string-length(/nlist/string[@name="v"])=3
# @expect=not(/nlist/string[@name="v"]/@encoding)
'/v' = "a\tb";
