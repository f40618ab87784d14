object template base64_encode_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=must be a string
'/v' = base64_encode(99);
