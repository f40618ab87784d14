object template is_list_no_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = is_list();
