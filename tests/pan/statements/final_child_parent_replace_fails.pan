object template final_child_parent_replace_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
final '/cfg/a' = 1;
'/cfg' = dict('b', 2);
