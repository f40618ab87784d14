object template assign_type_change_after_null;
# @expect=/nlist[@name="profile"]/string[@name="v"]="ten"
'/v' = 10;
'/v' = null;
'/v' = 'ten';
