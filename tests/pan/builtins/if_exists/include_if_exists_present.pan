object template include_if_exists_present;
# @expect=/nlist[@name="profile"]/boolean[@name="included"]="true"
include if_exists('present_tpl');
