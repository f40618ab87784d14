object template subscript_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=string
'/v' = { s = 'text'; s[1]; };
