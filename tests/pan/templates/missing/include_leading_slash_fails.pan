object template include_leading_slash_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
include '/placeholder';
