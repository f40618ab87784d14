object template external_path_missing_object_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=absent_object
'/r' = value('absent_object:/a');
