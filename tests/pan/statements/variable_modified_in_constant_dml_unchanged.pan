object template variable_modified_in_constant_dml_unchanged;
# @expect=/nlist[@name="profile"]/long[@name="a"]="6"
# @expect=/nlist[@name="profile"]/long[@name="b"]="5"
variable G = 5;
'/a' = { G = 6; G; };
'/b' = G;
