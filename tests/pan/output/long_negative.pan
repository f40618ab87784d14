object template long_negative;
# @expect=/nlist[@name="profile"]/long[@name="n"]="-77"
'/n' = -77;
