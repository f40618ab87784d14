object template function_call_subscript_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = dict('a', 1)['a'];
