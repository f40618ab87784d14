object template to_string_double_scientific;
# @expect=/nlist[@name="profile"]/string[@name="v"]="2.5E7"
'/v' = to_string(25000000.0);
