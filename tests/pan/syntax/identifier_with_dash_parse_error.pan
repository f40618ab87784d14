object template identifier_with_dash_parse_error;
# @expect=org.quattor.pan.parser.ParseException
variable bad-name = 1;
