object template block_double_semicolon_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = { 5;; 6; };
