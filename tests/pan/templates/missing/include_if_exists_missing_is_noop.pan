object template include_if_exists_missing_is_noop;
# @expect=/nlist[@name="profile"]/long[@name="ok"]="1"
include if_exists('not/present');
'/ok' = 1;
