object template double_slash_is_empty_term;
# A leading double slash leaves an empty first term: not a valid path.
# @expect=org.quattor.pan.exceptions.SyntaxException
'//cluster/name' = 'a';
