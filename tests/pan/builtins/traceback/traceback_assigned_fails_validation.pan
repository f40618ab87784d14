object template traceback_assigned_fails_validation;
# @expect=org.quattor.pan.exceptions.ValidationException
'/v' = traceback('tb');
