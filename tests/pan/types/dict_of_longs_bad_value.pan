object template dict_of_longs_bad_value;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/d' = long{};
'/d' = dict('x', 1, 'y', true);
