object template file_contents_long_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = file_contents(42);
