object template empty_profile_has_no_children;
# @expect=count(/nlist[@name="profile"]/*)=0

