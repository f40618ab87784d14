object template to_double_from_long;
# @expect=/nlist[@name="profile"]/double[@name="v"]="12.0"
'/v' = to_double(12);
