object template string_octal_escape_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = "\060";
