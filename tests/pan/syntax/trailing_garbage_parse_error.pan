object template trailing_garbage_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = 1;
this is not pan
