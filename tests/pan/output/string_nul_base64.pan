object template string_nul_base64;
# @expect=/nlist/string[@name="s"]/@encoding="base64"
# @expect=/nlist[@name="profile"]/string[@name="s"]="AA=="
'/s' = "\x00";
