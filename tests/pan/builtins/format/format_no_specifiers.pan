object template format_no_specifiers;
# @expect=/nlist[@name="profile"]/string[@name="v"]="literal text"
'/v' = format('literal text');
