object template bind_boolean_accepts_true;
# @expect=/nlist[@name="profile"]/boolean[@name="b"]="true"
bind '/b' = boolean;
'/b' = true;
