object template create_structure_overrides;
# @expect=/nlist[@name="profile"]/*[@name="d"]/long[@name="size"]="500"
# @expect=/nlist[@name="profile"]/*[@name="d"]/string[@name="label"]="data"
# @expect=/nlist[@name="profile"]/*[@name="d"]/string[@name="type"]="ssd"
'/d' = create('disk', 'size', 500, 'label', 'data');
