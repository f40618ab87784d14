object template final_dict_child_add_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
final '/cfg' = dict('a', 1);
'/cfg/b' = 2;
