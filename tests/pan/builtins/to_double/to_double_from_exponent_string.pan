object template to_double_from_exponent_string;
# @expect=/nlist[@name="profile"]/double[@name="v"]="200.0"
'/v' = to_double('2e2');
