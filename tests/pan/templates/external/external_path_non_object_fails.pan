object template external_path_non_object_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=plainord.*object template
'/r' = value('plainord:/x');
