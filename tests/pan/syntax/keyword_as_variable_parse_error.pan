object template keyword_as_variable_parse_error;
# @expect=org.quattor.pan.parser.ParseException
variable while = 1;
