object template error_in_variable_statement;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=var failed
variable BROKEN = error('var failed');
