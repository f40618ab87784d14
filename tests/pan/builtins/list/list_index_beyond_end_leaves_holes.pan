object template list_index_beyond_end_leaves_holes;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = { l = list(); l[2] = 'c'; length(l); };
