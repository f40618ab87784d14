object template external_path_non_object_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=does not refer to an object template
'/r' = value('plainord:/x');
