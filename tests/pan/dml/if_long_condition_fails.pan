object template if_long_condition_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=if-else test must evaluate to a boolean property
'/v' = if (0) 'a' else 'b';
