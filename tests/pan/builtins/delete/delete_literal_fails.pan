object template delete_literal_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=variable reference
'/v' = delete(dict('a', 1));
