object template string_short_hex_escape_parse_error;
# @expect=org.quattor.pan.parser.ParseException
# @message=incomplete hex escape
'/v' = "\xA";
