object template function_returns_null_deletes;
# @expect=not(/nlist[@name="profile"]/*[@name="v"])
function nothing = null;
'/v' = 'present';
'/v' = nothing();
'/w' = 1;
