object template create_undef_field_filled;
# @expect=/nlist[@name="profile"]/*[@name="s"]/string[@name="required"]="given"
'/s' = create('struct_undef', 'required', 'given');
