object template dict_odd_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(even|pairs)
'/v' = dict('k');
