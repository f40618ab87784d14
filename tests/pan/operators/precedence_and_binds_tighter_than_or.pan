object template precedence_and_binds_tighter_than_or;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = true || false && false;
