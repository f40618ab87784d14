object template string_unterminated_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 'open;
