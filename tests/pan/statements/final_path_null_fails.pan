object template final_path_null_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
final '/fixed' = 'a';
'/fixed' = null;
