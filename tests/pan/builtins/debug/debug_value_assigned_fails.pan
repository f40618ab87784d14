object template debug_value_assigned_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
'/v' = debug('msg');
