object template escaped_braces_nested_fail;
# Escapes do not nest.
# @expect=org.quattor.pan.exceptions.SyntaxException
'/a/{b{c}}' = 1;
