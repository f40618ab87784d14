object template with_clause_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=user-defined validation failed
type even_t = long with SELF % 2 == 0;
bind '/e' = even_t;
'/e' = 11;
