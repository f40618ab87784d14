object template splice_list_does_not_modify_argument;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2"
'/v' = { l = list(1, 2); r = splice(l, 0, 1); length(l); };
