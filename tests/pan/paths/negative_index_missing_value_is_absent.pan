object template negative_index_missing_value_is_absent;
# Reading before the start of a list finds nothing (the default of value() is used).
# @expect=/nlist[@name="profile"]/string[@name="r"]="none"
'/l' = list(1);
'/r' = value('/l/-2', 'none');
