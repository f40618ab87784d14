object template create_odd_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=odd number of arguments
'/d' = create('disk', 'size');
