object template structure_absolute_path_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/s' = create('struct_abs');
