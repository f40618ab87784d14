object template to_lowercase_ascii;
# @expect=/nlist[@name="profile"]/string[@name="v"]="mixed case 9"
'/v' = to_lowercase('Mixed Case 9');
