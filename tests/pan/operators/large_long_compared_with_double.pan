object template large_long_compared_with_double;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = 9007199254740993 > 9007199254740992.0;
