object template variable_basic;
# @expect=/nlist[@name="profile"]/string[@name="h"]="web1"
variable HOST = 'web1';
'/h' = HOST;
