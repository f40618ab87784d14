object template some_other_name;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=misplaced or misnamed template
'/x' = 1;
