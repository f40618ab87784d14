object template prefix_empty_then_relative_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
prefix '/p';
prefix '';
'x' = 1;
