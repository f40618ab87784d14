object template type_alias_chain_with_clause;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=user-defined validation failed
type base_t = long(0..);
type mid_t = base_t;
type top_t = mid_t with SELF % 10 == 0;
bind '/t' = top_t;
'/t' = 15;
