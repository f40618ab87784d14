object template return_in_argument_fails;
# return() cannot be a function argument.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=return\(\) may not appear in a restricted context
'/r' = length(return('x'));
