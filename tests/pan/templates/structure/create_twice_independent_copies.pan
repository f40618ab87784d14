object template create_twice_independent_copies;
# @expect=/nlist[@name="profile"]/*[@name="a"]/long[@name="size"]="100"
# @expect=/nlist[@name="profile"]/*[@name="b"]/long[@name="size"]="1"
'/a' = create('disk');
'/b' = create('disk', 'size', 1);
