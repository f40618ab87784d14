object template while_long_condition_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=test.*must evaluate to a boolean
'/v' = { while (0) 1; };
