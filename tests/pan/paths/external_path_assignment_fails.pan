object template external_path_assignment_fails;
# Only this object's profile can be assigned.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=external path
'other/host:/a' = 1;
