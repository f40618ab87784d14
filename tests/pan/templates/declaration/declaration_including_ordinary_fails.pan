object template declaration_including_ordinary_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=DECLARATION template cannot include ORDINARY template
include 'decl_incl_ord';
