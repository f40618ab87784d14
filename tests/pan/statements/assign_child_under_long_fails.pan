object template assign_child_under_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/n' = 5;
'/n/sub' = 6;
