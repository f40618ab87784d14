object template long_hex_without_digits_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 0x;
