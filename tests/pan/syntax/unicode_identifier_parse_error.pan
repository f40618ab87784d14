object template unicode_identifier_parse_error;
# @expect=org.quattor.pan.parser.ParseException
variable naïve = 1;
