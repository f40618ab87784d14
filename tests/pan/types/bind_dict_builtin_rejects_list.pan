object template bind_dict_builtin_rejects_list;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=type of 'dict' but element is of type 'list'
bind '/d' = dict;
'/d' = list();
