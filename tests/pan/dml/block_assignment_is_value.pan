object template block_assignment_is_value;
# @expect=/nlist[@name="profile"]/string[@name="v"]="assigned"
'/v' = { t = 'assigned'; };
