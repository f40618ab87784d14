object template record_field_index_fails;
# A record field name cannot be a list index.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=must be a valid key, not an index
type t = { '12' ? long };
