object template match_invalid_regex_literal_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(?i)(regular expression|regex)
'/v' = match('x', '[unclosed');
