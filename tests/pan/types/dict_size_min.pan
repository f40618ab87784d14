object template dict_size_min;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=hash size \(1\) is outside range 2..
bind '/d' = string{2..};
'/d' = dict('a', 'x');
