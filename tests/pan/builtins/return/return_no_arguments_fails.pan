object template return_no_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=return\(\) requires exactly (one|1) argument
'/v' = { return(); };
