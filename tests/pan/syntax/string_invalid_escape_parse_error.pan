object template string_invalid_escape_parse_error;
# @expect=org.quattor.pan.parser.ParseException
# @message=illegal escape sequence
'/v' = "oops \z";
