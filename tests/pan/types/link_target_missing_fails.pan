object template link_target_missing_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/ref' = long*;
'/ref' = '/missing/target';
