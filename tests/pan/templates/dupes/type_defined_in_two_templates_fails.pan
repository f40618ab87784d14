object template type_defined_in_two_templates_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=shared_t
include 'ty_one';
include 'ty_two';
