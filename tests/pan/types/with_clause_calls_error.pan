object template with_clause_calls_error;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=(exception|too big)
type strict_t = long with { if (SELF > 5) error('too big'); true; };
bind '/s' = strict_t;
'/s' = 6;
