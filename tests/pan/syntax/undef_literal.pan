object template undef_literal;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = is_defined(undef);
