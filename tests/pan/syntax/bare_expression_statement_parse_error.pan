object template bare_expression_statement_parse_error;
# @expect=org.quattor.pan.parser.ParseException
2 * 3;
