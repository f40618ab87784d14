object template assign_double_subscript_fails;
# A literal subscript of an assignment must be a valid term: a double is not.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=index 0 is not a valid term
'/r' = {
  t = list();
  t[0.0] = 1;
  t;
};
