object template call_before_definition_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=defined_later
'/v' = defined_later(1);
function defined_later = 'x';
