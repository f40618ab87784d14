object template file_contents_missing_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=file \(missing.txt\) does not exist
'/v' = file_contents('missing.txt');
