object template to_uppercase_sharp_s;
# @expect=/nlist[@name="profile"]/string[@name="v"]="FUSS"
'/v' = to_uppercase('fuß');
