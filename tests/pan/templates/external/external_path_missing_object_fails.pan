object template external_path_missing_object_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=doesn't exist
'/r' = value('absent_object:/a');
