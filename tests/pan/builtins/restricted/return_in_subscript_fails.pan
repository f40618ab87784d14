object template return_in_subscript_fails;
# Subscripts are restricted too.
# @expect=org.quattor.pan.exceptions.SyntaxException
'/r' = {
  t = dict();
  t[return('k')] = 1;
  t;
};
