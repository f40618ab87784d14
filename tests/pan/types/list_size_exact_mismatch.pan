object template list_size_exact_mismatch;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=list size \(2\).*outside.*range 3\.\.3
bind '/l' = long[3];
'/l' = list(1, 2);
