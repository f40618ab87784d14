object template dict_size_min;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=size \(1\).*outside.*range 2\.\.
bind '/d' = string{2..};
'/d' = dict('a', 'x');
