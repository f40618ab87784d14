object template foreach_dict_add_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(chang|modif)
'/v' = { d = dict('x', 1); foreach (k; v; d) d[k + 'y'] = v; d; };
