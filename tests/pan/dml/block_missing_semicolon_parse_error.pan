object template block_missing_semicolon_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = { 'x' }
'/w' = 'y';
