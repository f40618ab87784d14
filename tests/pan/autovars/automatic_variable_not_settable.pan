object template automatic_variable_not_settable;
# OBJECT, FUNCTION and TEMPLATE cannot be set in DML: a syntax error when built.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=automatic variable \(OBJECT\) may not be set directly
'/r' = {
  if (false) OBJECT = 'other';
  1;
};
