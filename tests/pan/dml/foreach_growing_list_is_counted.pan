object template foreach_growing_list_is_counted;
# A foreach over a list that grows at each step stops at the iteration limit.
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=loop iteration count \(10000\) has been exceeded
'/r' = {
  l = list(1);
  foreach (k; v; l) l[length(l)] = v;
  l;
};
