object template conditional_assign_spaced_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' ? = 1;
