object template list_null_element_undefined;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=element at /v/1 is undefined
'/v' = list('a', null);
