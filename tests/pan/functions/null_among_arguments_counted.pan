object template null_among_arguments_counted;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
function f = ARGC;
'/v' = f('a', null, 'b');
