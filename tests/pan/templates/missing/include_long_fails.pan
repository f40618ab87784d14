object template include_long_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
include 7;
