object template string_control_char_written_base64;
# @expect=/nlist/string[@name="v"]/@encoding="base64"
'/v' = "bell\x07";
