object template error_in_function_body;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=failed: reason
function fail_with = error('failed: ' + ARGV[0]);
'/v' = fail_with('reason');
