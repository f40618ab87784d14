object template relative_path_without_prefix_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=can only contain assignments to absolute paths
'orphan' = 1;
