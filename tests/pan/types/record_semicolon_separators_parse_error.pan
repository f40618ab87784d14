object template record_semicolon_separators_parse_error;
# @expect=org.quattor.pan.parser.ParseException
type r_t = { 'a' : long; };
bind '/r' = r_t;
'/r/a' = 1;
