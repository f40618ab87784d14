object template length_of_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=argument to length must be undef, string, or resource
'/v' = length(123);
