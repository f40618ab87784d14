object template variable_modified_in_runtime_dml_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=global variable 'G' cannot be modified from DML block
variable G = 5;
'/n' = 1;
'/a' = { G = value('/n'); G; };
