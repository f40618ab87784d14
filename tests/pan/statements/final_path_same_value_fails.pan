object template final_path_same_value_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
final '/fixed' = 7;
'/fixed' = 7;
