object template logical_not_on_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=logical-not
'/v' = !0;
