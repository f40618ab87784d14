object template to_string_undef;
# @expect=/nlist[@name="profile"]/string[@name="v"]="undef"
'/v' = to_string(undef);
