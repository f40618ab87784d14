object template long_underscore_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 10_000;
