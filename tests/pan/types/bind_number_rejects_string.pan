object template bind_number_rejects_string;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/a' = number;
'/a' = 'three';
