object template local_type_change_via_null;
# @expect=/nlist[@name="profile"]/string[@name="v"]="now"
'/v' = { x = list(); x = null; x = 'now'; x; };
