object template list_size_min;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=list size \(1\).*outside.*range 2\.\.
bind '/l' = long[2..];
'/l' = list(1);
