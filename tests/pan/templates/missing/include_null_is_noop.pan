object template include_null_is_noop;
# @expect=/nlist[@name="profile"]/boolean[@name="ok"]="true"
include null;
'/ok' = true;
