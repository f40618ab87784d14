object template missing_final_semicolon_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 1
