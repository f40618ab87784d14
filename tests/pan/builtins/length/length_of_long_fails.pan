object template length_of_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=length
'/v' = length(123);
