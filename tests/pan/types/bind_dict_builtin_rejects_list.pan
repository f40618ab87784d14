object template bind_dict_builtin_rejects_list;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message='(dict|nlist)'.*'list'
bind '/d' = dict;
'/d' = list();
