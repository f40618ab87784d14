object template first_with_undef_key_slot;
# @expect=/nlist[@name="profile"]/string[@name="v"]="p"
'/v' = { l = list('p', 'q'); first(l, undef, x); x; };
