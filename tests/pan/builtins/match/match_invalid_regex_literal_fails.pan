object template match_invalid_regex_literal_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=invalid regular expression
'/v' = match('x', '[unclosed');
