object template self_in_include_fails;
# An include statement has no SELF.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=SELF cannot be used within include statement
include { if (is_defined(SELF)) 'a' else 'b' };
