object template error_user_message;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=user-initiated error: stop here
'/v' = error('stop here');
