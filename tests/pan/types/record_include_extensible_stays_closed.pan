object template record_include_extensible_stays_closed;
# A record that includes an extensible record is not extensible itself.
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=unexpected field
type base = extensible { 'name' : string };
type host = { include base 'ip' ? string };
bind '/h' = host;
'/h' = dict('name', 'a', 'extra', 1);
