object template choice_in_list_rejects;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=not a possible choice value
type ab_t = choice('a', 'b');
bind '/l' = ab_t[];
'/l' = list('a', 'c');
