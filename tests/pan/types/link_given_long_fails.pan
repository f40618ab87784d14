object template link_given_long_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/ref' = long*;
'/ref' = 10;
