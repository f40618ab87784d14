object template to_double_garbage_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=string cannot be converted to double: twelve
'/v' = to_double('twelve');
