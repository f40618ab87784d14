object template argc_reassignable_locally;
# @expect=/nlist[@name="profile"]/long[@name="v"]="9"
function f = { ARGC = 9; ARGC; };
'/v' = f('x');
