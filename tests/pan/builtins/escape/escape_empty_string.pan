object template escape_empty_string;
# @expect=/nlist[@name="profile"]/string[@name="v"]="_"
'/v' = escape('');
