object template record_unquoted_field_parse_error;
# @expect=org.quattor.pan.parser.ParseException
type r_t = { name : string };
bind '/r' = r_t;
'/r/name' = 'x';
