object template join_null_separator_fails;
# A literal null separator is refused when the call is built.
# @expect=org.quattor.pan.exceptions.SyntaxException
'/r' = join(null, list('a'));
