object template bind_number_accepts_long_and_double;
# @expect=/nlist[@name="profile"]/long[@name="a"]="3"
# @expect=/nlist[@name="profile"]/double[@name="b"]="3.5"
bind '/a' = number;
bind '/b' = number;
'/a' = 3;
'/b' = 3.5;
