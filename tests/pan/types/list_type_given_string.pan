object template list_type_given_string;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/l' = string[];
'/l' = 'single';
