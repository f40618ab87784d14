object template return_from_foreach;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1"
'/v' = { foreach (i; e; list('p', 'q', 'r')) if (e == 'q') return(i); -1; };
