object template while_return_exits_early;
# @expect=/nlist[@name="profile"]/long[@name="v"]="13"
'/lim' = 500;
'/v' = { i = 0; while (i < value('/lim')) { i = i + 1; if (i == 13) return(i); }; 0; };
