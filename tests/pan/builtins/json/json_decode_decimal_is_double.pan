object template json_decode_decimal_is_double;
# @expect=/nlist[@name="profile"]/double[@name="v"]="7.0"
'/v' = json_decode('7.0');
