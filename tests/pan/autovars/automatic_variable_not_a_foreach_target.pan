object template automatic_variable_not_a_foreach_target;
# foreach cannot use an automatic variable for its key.
# @expect=org.quattor.pan.exceptions.SyntaxException
'/r' = {
  foreach (TEMPLATE; v; list(1)) v;
};
