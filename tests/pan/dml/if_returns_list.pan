object template if_returns_list;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
'/v' = if (false) 'no' else list('x', 'y');
