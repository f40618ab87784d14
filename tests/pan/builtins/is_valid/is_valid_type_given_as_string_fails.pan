object template is_valid_type_given_as_string_fails;
# The type of is_valid() is named by an identifier, not by a string.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=is_valid\(\) requires the first argument to be a type
'/r' = is_valid('long', 1);
