object template bind_relative_without_prefix_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
bind 'rel' = long;
'/rel' = 1;
