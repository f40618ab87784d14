object template local_child_type_change_fails;
# An element of a local keeps its type: a long cannot be replaced by a string.
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type long cannot be replaced by one of type string
'/r' = {
  l = list(1, 2);
  l[1] = 'two';
  l;
};
