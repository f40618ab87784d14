object template double_trailing_dot_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 2.;
