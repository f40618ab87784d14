object template type_alias_chain_range_violation;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=outside.*range 0\.\.
type base_t = long(0..);
type mid_t = base_t;
bind '/t' = mid_t;
'/t' = -4;
