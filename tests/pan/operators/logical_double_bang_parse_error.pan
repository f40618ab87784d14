object template logical_double_bang_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = !!false;
