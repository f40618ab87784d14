object template match_non_string_target_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = match(42, '4');
