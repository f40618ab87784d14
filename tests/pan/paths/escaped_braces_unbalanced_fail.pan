object template escaped_braces_unbalanced_fail;
# A term with an opening brace and no closing one is not a path.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=mismatched or nested braces
'/a/{b' = 1;
