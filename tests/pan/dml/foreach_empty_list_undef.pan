object template foreach_empty_list_undef;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = is_defined(foreach (k; v; dict()) 1);
