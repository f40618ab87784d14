object template assign_same_path_self_increment;
# @expect=/nlist[@name="profile"]/long[@name="c"]="10"
'/c' = 1;
'/c' = { SELF * 10; };
