object template null_deletes_existing_key;
# @expect=not(/nlist[@name="profile"]/*[@name="d"]/*[@name="drop"])
# @expect=/nlist[@name="profile"]/*[@name="d"]/long[@name="keep"]="1"
'/d/keep' = 1;
'/d/drop' = 2;
'/d/drop' = null;
