object template bind_two_types_both_checked;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=9.*outside.*range 1\.\.5
bind '/n' = long;
bind '/n' = long(1..5);
'/n' = 9;
