object template prefix_relative_without_absolute_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(nowhere.*absolute|absolute.*nowhere)
prefix 'nowhere';
'x' = 1;
