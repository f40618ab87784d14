object template root_is_nlist_named_profile;
# @expect=/nlist[@name="profile" and @format="pan"]
'/x' = 1;
