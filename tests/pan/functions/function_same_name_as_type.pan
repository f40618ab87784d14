object template function_same_name_as_type;
# @expect=/nlist[@name="profile"]/string[@name="v"]="called"
type widget = string;
function widget = 'called';
'/v' = widget();
