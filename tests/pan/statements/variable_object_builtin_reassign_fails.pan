object template variable_object_builtin_reassign_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
variable OBJECT = 'x';
