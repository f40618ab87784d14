object template with_clause_on_record;
# @expect=org.quattor.pan.exceptions.ValidationException
type span_t = { 'lo' : long 'hi' : long } with SELF['lo'] < SELF['hi'];
bind '/s' = span_t;
'/s/lo' = 9;
'/s/hi' = 3;
