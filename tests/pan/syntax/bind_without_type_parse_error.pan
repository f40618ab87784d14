object template bind_without_type_parse_error;
# @expect=org.quattor.pan.parser.ParseException
bind '/v' = ;
