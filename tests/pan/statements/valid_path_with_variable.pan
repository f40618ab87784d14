object template valid_path_with_variable;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=user-defined validation failed
variable K = 'k';
valid '/v/${K}' = SELF < 3;
'/v/k' = 8;
