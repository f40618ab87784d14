object template boolean_values;
# @expect=/nlist[@name="profile"]/boolean[@name="t"]="true"
# @expect=/nlist[@name="profile"]/boolean[@name="f"]="false"
'/t' = true;
'/f' = false;
