object template error_message_names_template;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=\[error_message_names_template\] user-initiated error
'/v' = error('where');
