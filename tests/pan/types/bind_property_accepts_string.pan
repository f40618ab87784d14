object template bind_property_accepts_string;
# @expect=/nlist[@name="profile"]/string[@name="p"]="x"
bind '/p' = property;
'/p' = 'x';
