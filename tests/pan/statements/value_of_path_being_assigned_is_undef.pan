object template value_of_path_being_assigned_is_undef;
# @expect=org.quattor.pan.exceptions.ValidationException
'/a' = value('/a');
