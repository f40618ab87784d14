object template first_term_index_under_root_prefix_fails;
# With prefix '/', a relative path is resolved at the root: it cannot start with an index.
# @expect=org.quattor.pan.exceptions.SyntaxException
prefix '/';
'1' = 'x';
