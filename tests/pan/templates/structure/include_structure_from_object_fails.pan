object template include_structure_from_object_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=OBJECT template cannot include STRUCTURE template
include 'disk';
