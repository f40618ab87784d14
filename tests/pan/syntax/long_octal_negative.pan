object template long_octal_negative;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-9"
'/v' = -011;
