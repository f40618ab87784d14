object template string_carriage_return_not_base64;
# @expect=not(/nlist/string[@name="s"]/@encoding)
# @expect=string-length(/nlist/string[@name="s"])=3
'/s' = "a\rb";
