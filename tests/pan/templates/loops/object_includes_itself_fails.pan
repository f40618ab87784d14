object template object_includes_itself_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=OBJECT template cannot include OBJECT template
include 'object_includes_itself_fails';
