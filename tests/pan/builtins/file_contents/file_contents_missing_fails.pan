object template file_contents_missing_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=missing\.txt
'/v' = file_contents('missing.txt');
