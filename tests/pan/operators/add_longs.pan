object template add_longs;
# @expect=/nlist[@name="profile"]/long[@name="v"]="42"
'/v' = 19 + 23;
