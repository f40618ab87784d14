object template to_boolean_boolean_identity;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = to_boolean(false);
