object template string_unicode_escape_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = "\u00e9";
