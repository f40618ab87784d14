object template include_missing_template_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=cannot locate template.*nowhere/to/be/found
include 'nowhere/to/be/found';
