object template relative_path_without_prefix_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(absolute|relative)
'orphan' = 1;
