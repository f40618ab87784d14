object template precedence_not_binds_tightest;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = !true || true;
