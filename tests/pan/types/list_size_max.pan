object template list_size_max;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=list size \(3\).*outside.*range 0\.\.2
bind '/l' = long[..2];
'/l' = list(1, 2, 3);
