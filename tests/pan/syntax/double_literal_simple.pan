object template double_literal_simple;
# @expect=/nlist[@name="profile"]/double[@name="v"]="3.5"
'/v' = 3.5;
