object template join_no_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=join\(\)
'/v' = join();
