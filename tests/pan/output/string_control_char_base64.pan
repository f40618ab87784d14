object template string_control_char_base64;
# @expect=/nlist/string[@name="s"]/@encoding="base64"
# @expect=/nlist[@name="profile"]/string[@name="s"]="eAF5"
'/s' = "x\x01y";
