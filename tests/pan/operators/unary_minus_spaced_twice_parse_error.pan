object template unary_minus_spaced_twice_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = - -8;
