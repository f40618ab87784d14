object template value_self_previous;
# @expect=/nlist[@name="profile"]/long[@name="n"]="8"
'/n' = 4;
'/n' = value('/n') * 2;
