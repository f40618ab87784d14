object template create_structure_uses_self;
# @expect=count(/nlist[@name="profile"]/*[@name="s"]/*[@name="items"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="s"]/string[@name="opt"]="dflt"
'/s' = create('struct_self');
