object template json_decode_bad_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = json_decode('{"has space": 1}');
