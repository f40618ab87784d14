object template json_decode_invalid_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=invalid JSON value
'/v' = json_decode('{"unterminated": ');
