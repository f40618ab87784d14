object template assign_double_value;
# @expect=/nlist[@name="profile"]/double[@name="ratio"]="0.75"
'/ratio' = 0.75;
