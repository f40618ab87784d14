object template assign_long;
# @expect=/nlist[@name="profile"]/long[@name="a"] = 42
'/a' = 42;
