object template compare_string_inequality;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = 'pan' != 'panc';
