object template negative_index_before_start_fails;
# -3 in a list of two elements names nothing: writing it is an error.
# @expect=org.quattor.pan.exceptions.EvaluationException
'/l' = list(1, 2);
'/l/-3' = 0;
