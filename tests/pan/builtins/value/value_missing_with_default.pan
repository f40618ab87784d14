object template value_missing_with_default;
# @expect=/nlist[@name="profile"]/string[@name="v"]="dflt"
'/v' = value('/missing/path', 'dflt');
