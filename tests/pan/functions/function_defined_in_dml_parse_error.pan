object template function_defined_in_dml_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = { function inner = 1; inner(); };
