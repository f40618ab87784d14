object template bind_double_accepts_double;
# @expect=/nlist[@name="profile"]/double[@name="x"]="3.25"
bind '/x' = double;
'/x' = 3.25;
