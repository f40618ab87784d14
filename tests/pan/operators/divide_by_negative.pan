object template divide_by_negative;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-5"
'/v' = 23 / -4;
