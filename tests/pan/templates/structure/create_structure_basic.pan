object template create_structure_basic;
# @expect=/nlist[@name="profile"]/*[@name="disks"]/*[1]/long[@name="size"]="100"
# @expect=/nlist[@name="profile"]/*[@name="disks"]/*[1]/string[@name="type"]="ssd"
'/disks/0' = create('disk');
