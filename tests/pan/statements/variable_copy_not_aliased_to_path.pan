object template variable_copy_not_aliased_to_path;
# @expect=count(/nlist[@name="profile"]/*[@name="a"]/*)=2
# @expect=count(/nlist[@name="profile"]/*[@name="b"]/*)=1
variable L = list(1);
'/a' = L;
'/a' = append(2);
'/b' = L;
