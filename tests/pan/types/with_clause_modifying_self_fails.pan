object template with_clause_modifying_self_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
type t_t = dict with { SELF['x'] = 1; true; };
bind '/d' = t_t;
'/d' = dict('y', 2);
