object template assign_path_trailing_slash;
# @expect=/nlist[@name="profile"]/string[@name="key"]="v"
'/key/' = 'v';
