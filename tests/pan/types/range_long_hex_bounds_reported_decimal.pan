object template range_long_hex_bounds_reported_decimal;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=256.*outside.*range 0\.\.255
bind '/p' = long(0x0..0xff);
'/p' = 256;
