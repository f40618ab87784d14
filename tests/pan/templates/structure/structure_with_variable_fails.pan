object template structure_with_variable_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/s' = create('struct_var');
