object template range_double_bound_decimal_parse_error;
# @expect=org.quattor.pan.parser.ParseException
bind '/d' = double(0.0..1.0);
'/d' = 0.5;
