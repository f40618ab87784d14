object template if_long_condition_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=if.*must evaluate to a boolean
'/v' = if (0) 'a' else 'b';
