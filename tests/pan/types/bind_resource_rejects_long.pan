object template bind_resource_rejects_long;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/r' = resource;
'/r' = 4;
