object template variable_redefine_same_type;
# @expect=/nlist[@name="profile"]/long[@name="n"]="5"
variable N = 1;
variable N = 5;
'/n' = N;
