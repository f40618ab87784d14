object template missing_semicolon_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 1
'/w' = 2;
