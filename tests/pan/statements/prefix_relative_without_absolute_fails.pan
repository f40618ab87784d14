object template prefix_relative_without_absolute_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=requires prior absolute prefix
prefix 'nowhere';
'x' = 1;
