object template json_encode_undef_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=undef cannot be converted to JSON
'/v' = json_encode(undef);
