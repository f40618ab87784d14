object template include_empty_name_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
include '';
