object template if_string_condition_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { c = 'yes'; if (c) 1 else 2; };
