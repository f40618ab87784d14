object template list_of_longs_bad_element;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=type of 'long' but element is of type 'string'
bind '/l' = long[];
'/l' = list(4, 'five');
