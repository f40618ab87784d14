object template local_type_change_via_undef;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
'/v' = { x = 'str'; x = undef; x = 5; x; };
