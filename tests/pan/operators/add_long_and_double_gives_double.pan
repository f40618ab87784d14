object template add_long_and_double_gives_double;
# @expect=/nlist[@name="profile"]/double[@name="v"]="2.25"
'/v' = 2 + 0.25;
