object template bind_after_assignment_still_checked;
# @expect=org.quattor.pan.exceptions.ValidationException
'/n' = 'late';
bind '/n' = long;
