object template format_undef_argument_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=must be primitive types
'/v' = format('%s', undef);
