object template argv_out_of_range_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=variable named 'ARGV\[2\]' is undefined
function third = ARGV[2];
'/v' = third('a');
