object template dml_as_path_parse_error;
# @expect=org.quattor.pan.parser.ParseException
{ '/x' } = 2;
