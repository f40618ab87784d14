object template with_clause_non_boolean_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=(string.*boolean|boolean.*string)
type weird_t = string with 'yes';
bind '/w' = weird_t;
'/w' = 'x';
