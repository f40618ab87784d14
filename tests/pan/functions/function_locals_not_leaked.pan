object template function_locals_not_leaked;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="6"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
function f = { inner_secret = 3; inner_secret * 2; };
'/v' = { r = f(); list(r, is_defined(inner_secret)); };
