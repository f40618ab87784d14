object template tpl_extension_fallback;
# @expect=/nlist[@name="profile"]/string[@name="style"]="tpl"
include 'old_style';
