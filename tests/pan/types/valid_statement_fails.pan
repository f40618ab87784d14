object template valid_statement_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=user-defined validation failed
valid '/n' = SELF >= 0;
'/n' = -5;
