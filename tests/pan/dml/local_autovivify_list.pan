object template local_autovivify_list;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
'/v' = { fresh[0] = 'a'; fresh[1] = 'b'; fresh; };
