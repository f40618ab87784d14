object template exists_global_variable;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
variable EXISTING = 0;
'/v' = exists(EXISTING);
