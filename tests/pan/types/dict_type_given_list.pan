object template dict_type_given_list;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message='(dict|nlist)'.*'list'
bind '/d' = long{};
'/d' = list(1);
