object template is_valid_with_error_is_false;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
type never_t = string with error('never valid');
'/v' = is_valid(never_t, 'x');
