object template if_exists_present_returns_name;
# @expect=/nlist[@name="profile"]/string[@name="v"]="present_tpl"
'/v' = if_exists('present_tpl');
