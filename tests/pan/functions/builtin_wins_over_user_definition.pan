object template builtin_wins_over_user_definition;
# @expect=/nlist[@name="profile"]/string[@name="v"]="ABC"
function to_uppercase = 'user';
'/v' = to_uppercase('abc');
