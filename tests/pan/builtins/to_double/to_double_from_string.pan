object template to_double_from_string;
# @expect=/nlist[@name="profile"]/double[@name="v"]="2.75"
'/v' = to_double('2.75');
