object template uppercase_true_not_keyword;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = True;
