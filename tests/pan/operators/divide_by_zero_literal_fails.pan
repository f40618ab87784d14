object template divide_by_zero_literal_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=division by zero
'/v' = 10 / 0;
