object template recursion_depth_exceeds_limit_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=call depth limit \(50\) exceeded
function depth = if (ARGV[0] == 0) 0 else 1 + depth(ARGV[0] - 1);
'/v' = depth(60);
