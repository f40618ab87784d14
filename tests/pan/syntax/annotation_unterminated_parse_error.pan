object template annotation_unterminated_parse_error;
# @expect=org.quattor.pan.parser.ParseException
@{ no end
'/v' = 1;
