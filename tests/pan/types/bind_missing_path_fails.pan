object template bind_missing_path_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=(does not exist|undefined)
bind '/required' = string;
'/other' = 'x';
