object template null_deletes_whole_list;
# @expect=not(/nlist[@name="profile"]/*[@name="l"])
'/l' = list(1);
'/l' = null;
'/k' = 1;
