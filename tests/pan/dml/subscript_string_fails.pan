object template subscript_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=element of type 'string' cannot be dereferenced
'/v' = { s = 'text'; s[1]; };
