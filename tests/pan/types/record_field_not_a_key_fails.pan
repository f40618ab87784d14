object template record_field_not_a_key_fails;
# A record field name must be a valid key.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=field name \(a b\) must be a valid path
type t = { 'a b' ? string };
