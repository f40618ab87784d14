object template list_holes_fail_validation;
# @expect=org.quattor.pan.exceptions.ValidationException
'/v' = { l = list(); l[1] = 'b'; l; };
