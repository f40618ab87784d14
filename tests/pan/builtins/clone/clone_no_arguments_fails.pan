object template clone_no_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=clone\(\) requires exactly (one|1) argument
'/v' = clone();
