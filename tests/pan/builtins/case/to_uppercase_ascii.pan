object template to_uppercase_ascii;
# @expect=/nlist[@name="profile"]/string[@name="v"]="MIXED CASE 9"
'/v' = to_uppercase('Mixed Case 9');
