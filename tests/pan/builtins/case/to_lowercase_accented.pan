object template to_lowercase_accented;
# @expect=/nlist[@name="profile"]/string[@name="v"]="àéî"
'/v' = to_lowercase('ÀÉÎ');
