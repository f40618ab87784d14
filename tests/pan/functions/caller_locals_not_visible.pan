object template caller_locals_not_visible;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
function probe = is_defined(hidden_local);
'/v' = { hidden_local = 1; probe(); };
