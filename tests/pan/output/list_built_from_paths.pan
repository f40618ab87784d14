object template list_built_from_paths;
# @expect=name(/nlist/*[@name="l"])="list"
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=2
'/l/0' = 'first';
'/l/1' = 'second';
