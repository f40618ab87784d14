object template record_field_two_terms_fails;
# A record field name is one term, not a path.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=must be a valid term
type t = { 'net/mtu' ? long };
