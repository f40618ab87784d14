object template variable_undef_assigned_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
variable U = undef;
'/u' = U;
