object template first_term_index_fails;
# The root of a profile is a dict: a path cannot start with an index.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=first term in path must be a key
'/3/a' = 1;
