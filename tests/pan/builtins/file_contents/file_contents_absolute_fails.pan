object template file_contents_absolute_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=requires a relative file name
'/v' = file_contents('/etc/hostname');
