object template format_undef_argument_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=format
'/v' = format('%s', undef);
