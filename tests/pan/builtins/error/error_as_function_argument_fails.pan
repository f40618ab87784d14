object template error_as_function_argument_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=error\(\)
function id = ARGV[0];
'/v' = id(error('inside'));
