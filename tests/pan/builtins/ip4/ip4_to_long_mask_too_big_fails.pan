object template ip4_to_long_mask_too_big_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=32
'/v' = ip4_to_long('10.0.0.1/40');
