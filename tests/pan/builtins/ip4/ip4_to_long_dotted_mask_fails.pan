object template ip4_to_long_dotted_mask_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = ip4_to_long('10.0.0.1/255.0.0.0');
