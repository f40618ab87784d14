object template replace_two_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=replace\(\)
'/v' = replace('a', 'b');
