object template matches_no_match_empty_list;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=0
# @expect=/nlist[@name="profile"]/*[@name="v"]
'/v' = matches('abc', '\d');
