object template assign_type_change_after_undef;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = 'text';
'/v' = undef;
'/v' = 3;
