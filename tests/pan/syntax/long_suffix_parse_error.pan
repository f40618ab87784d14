object template long_suffix_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 5l;
