object template bind_long_accepts_long;
# @expect=/nlist[@name="profile"]/long[@name="n"]="12"
bind '/n' = long;
'/n' = 12;
