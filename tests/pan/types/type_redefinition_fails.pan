object template type_redefinition_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=duplicate type definition
type dup_t = long;
type dup_t = long;
