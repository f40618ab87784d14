object template first_target_subscript_undef_fails;
# first() sets its key target to undef before anything else, so a value target indexed by
# that key has no valid index.
# @expect=org.quattor.pan.exceptions.EvaluationException
'/r' = {
  m = dict();
  first(list('x'), k, m[k]);
};
