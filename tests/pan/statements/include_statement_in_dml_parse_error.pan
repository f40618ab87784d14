object template include_statement_in_dml_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/a' = { include 'x'; 'y'; };
