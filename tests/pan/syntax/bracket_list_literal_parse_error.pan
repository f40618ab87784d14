object template bracket_list_literal_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = ['a'];
