object template type_alias;
# @expect=org.quattor.pan.exceptions.ValidationException
type count_t = long;
bind '/c' = count_t;
'/c' = 'many';
