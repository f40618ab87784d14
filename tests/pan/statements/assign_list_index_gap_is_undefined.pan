object template assign_list_index_gap_is_undefined;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=element at /l/1 is undefined
'/l/0' = 'a';
'/l/3' = 'd';
