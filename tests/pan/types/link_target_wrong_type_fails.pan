object template link_target_wrong_type_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=element at linked path failed validation
bind '/ref' = long*;
'/target' = 'str';
'/ref' = '/target';
