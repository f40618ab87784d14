object template base64_encode_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=string
'/v' = base64_encode(99);
