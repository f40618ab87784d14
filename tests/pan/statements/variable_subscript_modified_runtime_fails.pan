object template variable_subscript_modified_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
variable G = dict('k', 1);
'/n' = 2;
'/a' = { G['k'] = value('/n'); G; };
