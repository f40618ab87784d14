object template create_nested_and_included_structures;
# @expect=/nlist[@name="profile"]/*[@name="o"]/*[@name="child"]/long[@name="depth"]="2"
# @expect=/nlist[@name="profile"]/*[@name="o"]/string[@name="mixed"]="in"
# @expect=/nlist[@name="profile"]/*[@name="o"]/*[@name="sub"]/string[@name="leaf"]="l"
'/o' = create('outer_struct');
