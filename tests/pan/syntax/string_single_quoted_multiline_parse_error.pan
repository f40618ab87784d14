object template string_single_quoted_multiline_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 'first
second';
