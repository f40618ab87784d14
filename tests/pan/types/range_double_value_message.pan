object template range_double_value_message;
# A double outside a range is shown as Java's number format shows it (grouped).
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=value \(1,500\.25\) is outside range 0\.\.1000
bind '/v' = double(0..1000);
'/v' = 1500.25;
