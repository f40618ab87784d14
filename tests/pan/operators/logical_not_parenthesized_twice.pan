object template logical_not_parenthesized_twice;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = !(!false);
