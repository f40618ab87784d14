object template json_decode_invalid_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)JSON
'/v' = json_decode('{"unterminated": ');
