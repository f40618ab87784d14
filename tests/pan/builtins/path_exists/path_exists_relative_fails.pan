object template path_exists_relative_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=relative path is not allowed
'/v' = path_exists('rel/path');
