object template type_used_before_definition_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
bind '/t' = defined_after;
type defined_after = long;
'/t' = 1;
