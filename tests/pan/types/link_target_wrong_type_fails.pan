object template link_target_wrong_type_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=/target
bind '/ref' = long*;
'/target' = 'str';
'/ref' = '/target';
