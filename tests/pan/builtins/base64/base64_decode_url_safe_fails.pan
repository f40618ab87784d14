object template base64_decode_url_safe_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = base64_decode('ab_c');
