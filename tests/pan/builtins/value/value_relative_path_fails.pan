object template value_relative_path_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=relative path
'/v' = value('relative');
