object template escape_alnum_unchanged;
# @expect=/nlist[@name="profile"]/string[@name="v"]="abcXYZ789"
'/v' = escape('abcXYZ789');
