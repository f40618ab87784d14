object template ip4_to_long_octet_out_of_range_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=ip4_to_long
'/v' = ip4_to_long('10.0.300.1');
