object template value_of_path;
# @expect=/nlist[@name="profile"]/string[@name="v"]="data"
'/src' = 'data';
'/v' = value('/src');
