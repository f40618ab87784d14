object template structure_sees_object_name;
# @expect=/nlist[@name="profile"]/*[@name="s"]/string[@name="owner"]="structure_sees_object_name"
'/s' = create('struct_obj');
