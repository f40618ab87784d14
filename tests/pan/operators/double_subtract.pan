object template double_subtract;
# @expect=/nlist[@name="profile"]/double[@name="v"]="2.0"
'/v' = 2.5 - 0.5;
