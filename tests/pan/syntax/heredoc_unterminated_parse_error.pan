object template heredoc_unterminated_parse_error;
# @expect=org.quattor.pan.parser.ParseException
'/v' = <<NEVER;
content
