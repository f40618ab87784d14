object template type_undefined_in_bind_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=referenced type 'undeclared_type' is not defined
bind '/t' = undeclared_type;
'/t' = 1;
