object template assign_empty_block_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = { };
