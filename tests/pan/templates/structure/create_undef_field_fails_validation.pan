object template create_undef_field_fails_validation;
# @expect=org.quattor.pan.exceptions.ValidationException
'/s' = create('struct_undef');
