object template while_long_condition_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=loop test must evaluate to a boolean property
'/v' = { while (0) 1; };
