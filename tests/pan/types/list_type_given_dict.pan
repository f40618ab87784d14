object template list_type_given_dict;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=type of 'list' but element is of type 'nlist'
bind '/l' = string[];
'/l' = dict('a', 'b');
