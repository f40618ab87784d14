object template to_double_hex_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = to_double('0x1A');
