object template to_string_long;
# @expect=/nlist[@name="profile"]/string[@name="v"]="-45"
'/v' = to_string(-45);
