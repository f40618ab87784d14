object template null_literal;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = is_null(null);
