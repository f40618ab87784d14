object template list_of_lists_bad_inner;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=type of 'list' but element is of type 'string'
bind '/m' = string[][];
'/m' = list(list('a'), 'b');
