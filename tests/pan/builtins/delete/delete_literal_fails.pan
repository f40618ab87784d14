object template delete_literal_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=must be a variable reference
'/v' = delete(dict('a', 1));
