object template if_without_else_assigned_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
'/v' = if (1 > 2) 'never';
