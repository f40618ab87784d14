object template value_returns_copy;
# @expect=count(/nlist[@name="profile"]/*[@name="snapshot"]/*)=1
# @expect=count(/nlist[@name="profile"]/*[@name="d"]/*)=2
'/d/a' = 1;
'/snapshot' = value('/d');
'/d/b' = 2;
