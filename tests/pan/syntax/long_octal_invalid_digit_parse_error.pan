object template long_octal_invalid_digit_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 0789;
