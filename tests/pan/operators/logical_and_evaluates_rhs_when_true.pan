object template logical_and_evaluates_rhs_when_true;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=rhs ran
'/v' = (2 > 1) && error('rhs ran');
