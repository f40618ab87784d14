object template precedence_parentheses;
# @expect=/nlist[@name="profile"]/long[@name="v"]="20"
'/v' = (2 + 3) * 4;
