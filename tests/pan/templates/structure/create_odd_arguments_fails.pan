object template create_odd_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=create\(\)
'/d' = create('disk', 'size');
