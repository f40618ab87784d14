object template unbalanced_parenthesis_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = (3 * (2 + 1);
