object template final_conditional_then_assign_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
final '/fixed' ?= 'x';
'/fixed' = 'y';
