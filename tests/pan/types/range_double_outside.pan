object template range_double_outside;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=10\.5.*outside.*range 0\.\.10
bind '/d' = double(0..10);
'/d' = 10.5;
