object template assign_overwrite_long_same_type;
# @expect=/nlist[@name="profile"]/long[@name="count"]="9"
'/count' = 3;
'/count' = 9;
