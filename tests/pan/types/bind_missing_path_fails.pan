object template bind_missing_path_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=element does not exist
bind '/required' = string;
'/other' = 'x';
