object template long_octal_literal;
# @expect=/nlist[@name="profile"]/long[@name="v"]="420"
'/v' = 0644;
