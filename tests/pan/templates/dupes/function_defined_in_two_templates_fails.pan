object template function_defined_in_two_templates_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=duplicate function definition
include 'fn_one';
include 'fn_two';
