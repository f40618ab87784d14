object template choice_without_strings_parse_error;
# choice() lists strings; an empty choice is not a type.
# @expect=org.quattor.pan.parser.ParseException
type empty = choice();
