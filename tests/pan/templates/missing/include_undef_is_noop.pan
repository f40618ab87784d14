object template include_undef_is_noop;
# @expect=/nlist[@name="profile"]/boolean[@name="ok"]="true"
include undef;
'/ok' = true;
