object template dict_type_given_list;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=type of 'dict' but element is of type 'list'
bind '/d' = long{};
'/d' = list(1);
