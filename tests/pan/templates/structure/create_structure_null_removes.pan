object template create_structure_null_removes;
# @expect=not(/nlist[@name="profile"]/*[@name="d"]/*[@name="type"])
# @expect=/nlist[@name="profile"]/*[@name="d"]/long[@name="size"]="100"
'/d' = create('disk', 'type', null);
