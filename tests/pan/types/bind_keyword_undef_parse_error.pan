object template bind_keyword_undef_parse_error;
# @expect=org.quattor.pan.parser.ParseException
bind '/n' = undef;
'/n' = 1;
