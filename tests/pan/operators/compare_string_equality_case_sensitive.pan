object template compare_string_equality_case_sensitive;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = 'Pan' == 'pan';
