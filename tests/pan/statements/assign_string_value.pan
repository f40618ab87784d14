object template assign_string_value;
# @expect=/nlist[@name="profile"]/string[@name="name"]="node01"
'/name' = 'node01';
