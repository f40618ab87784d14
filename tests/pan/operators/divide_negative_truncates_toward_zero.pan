object template divide_negative_truncates_toward_zero;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-5"
'/v' = -23 / 4;
