object template with_clause_calls_error;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=validation failed because exception was thrown
type strict_t = long with { if (SELF > 5) error('too big'); true; };
bind '/s' = strict_t;
'/s' = 6;
