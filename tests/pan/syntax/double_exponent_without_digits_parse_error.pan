object template double_exponent_without_digits_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 2e;
