object template json_encode_undef_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(undef.*JSON|JSON.*undef)
'/v' = json_encode(undef);
