object template record_list_of_records_bad_item;
# @expect=org.quattor.pan.exceptions.ValidationException
type in_t = { 'a' : long };
bind '/l' = in_t[];
'/l/0/a' = 1;
'/l/1/a' = 'no';
