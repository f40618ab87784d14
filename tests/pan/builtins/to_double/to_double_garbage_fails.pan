object template to_double_garbage_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=twelve
'/v' = to_double('twelve');
