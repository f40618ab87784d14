object template file_contents_absolute_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(?i)(relative|absolute)
'/v' = file_contents('/etc/hostname');
