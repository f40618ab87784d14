object template range_list_size_message;
# A list outside a size range is reported with its size.
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=list size \(1\) is outside range 2\.\.
bind '/ns' = string[2..];
'/ns' = list('a');
