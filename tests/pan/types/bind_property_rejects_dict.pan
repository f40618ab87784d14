object template bind_property_rejects_dict;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/p' = property;
'/p' = dict();
