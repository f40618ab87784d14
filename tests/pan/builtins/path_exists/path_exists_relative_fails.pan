object template path_exists_relative_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(?i)relative
'/v' = path_exists('rel/path');
