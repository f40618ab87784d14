object template format_uppercase_string;
# @expect=/nlist[@name="profile"]/string[@name="v"]="LOUD"
'/v' = format('%S', 'loud');
