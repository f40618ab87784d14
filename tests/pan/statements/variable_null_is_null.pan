object template variable_null_is_null;
# @expect=/nlist[@name="profile"]/boolean[@name="r"]="true"
variable NOTHING = null;
'/r' = is_null(NOTHING);
