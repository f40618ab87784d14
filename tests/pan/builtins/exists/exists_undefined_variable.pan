object template exists_undefined_variable;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = exists(no_such_thing);
