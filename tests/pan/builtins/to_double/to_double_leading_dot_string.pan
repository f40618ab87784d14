object template to_double_leading_dot_string;
# @expect=/nlist[@name="profile"]/double[@name="v"]="0.25"
'/v' = to_double('.25');
