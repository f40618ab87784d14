object template format_boolean;
# @expect=/nlist[@name="profile"]/string[@name="v"]="true|true"
'/v' = format('%b|%b', true, 'anything');
