object template range_long_double_bound_parse_error;
# @expect=org.quattor.pan.parser.ParseException
bind '/p' = long(0.5..3);
'/p' = 1;
