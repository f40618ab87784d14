object template function_returns_undef_assigned_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
function nothing = undef;
'/v' = nothing();
