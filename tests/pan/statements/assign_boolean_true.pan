object template assign_boolean_true;
# @expect=/nlist[@name="profile"]/boolean[@name="enabled"]="true"
'/enabled' = true;
