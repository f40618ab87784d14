object template some_other_name;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=some_other_name
'/x' = 1;
