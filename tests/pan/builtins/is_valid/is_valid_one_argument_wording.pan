object template is_valid_one_argument_wording;
# panc words the count: "requires exactly two arguments".
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=is_valid\(\) requires exactly two arguments
'/r' = is_valid(long);
