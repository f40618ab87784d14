object template if_without_else_false_is_undef;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = is_defined(if (1 > 2) 'never');
