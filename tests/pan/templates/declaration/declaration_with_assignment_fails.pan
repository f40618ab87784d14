object template declaration_with_assignment_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
include 'decl_assigns';
