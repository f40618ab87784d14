object template error_nested_in_argument_fails;
# error() inside an expression that is an argument is still in a restricted context.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=error\(\) may not appear in a restricted context
'/r' = to_string(1 + length(error('no')));
