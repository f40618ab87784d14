object template brace_dict_literal_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = {'k': 'v'};
