object template self_returns_existing;
# @expect=/nlist[@name="profile"]/string[@name="a"]="kept!"
'/a' = 'kept';
'/a' = SELF + '!';
