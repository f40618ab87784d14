object template range_string_counts_utf16_units;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/s' = string(..1);
'/s' = '😀';
