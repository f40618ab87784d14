object template base64_decode_invalid_character_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(base64|character)
'/v' = base64_decode('a*bc');
