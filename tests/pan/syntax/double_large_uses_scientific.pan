object template double_large_uses_scientific;
# @expect=/nlist[@name="profile"]/double[@name="v"]="1.23456789E7"
'/v' = 12345678.9;
