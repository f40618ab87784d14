object template negative_index_assignment_replaces_last;
# An assignment to /l/-1 replaces the element that is last when it runs.
# @expect=count(/nlist[@name="profile"]/list[@name="l"]/*)=3 and /nlist[@name="profile"]/list[@name="l"]/*[3]=30 and /nlist[@name="profile"]/list[@name="l"]/*[1]=1
'/l' = list(1, 2, 3);
'/l/-1' = 30;
