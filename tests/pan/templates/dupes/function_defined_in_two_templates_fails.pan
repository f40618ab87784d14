object template function_defined_in_two_templates_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=shared
include 'fn_one';
include 'fn_two';
