object template double_leading_dot_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = .25;
