object template replace_two_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=exactly three arguments
'/v' = replace('a', 'b');
