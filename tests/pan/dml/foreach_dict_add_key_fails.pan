object template foreach_dict_add_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=resource changed structurally during iteration
'/v' = { d = dict('x', 1); foreach (k; v; d) d[k + 'y'] = v; d; };
