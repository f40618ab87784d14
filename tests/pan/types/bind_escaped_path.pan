object template bind_escaped_path;
# @expect=/nlist[@name="profile"]/*[@name="m"]/long[@name="a_2eb_20c"]="5"
bind '/m/{a.b c}' = long;
'/m/{a.b c}' = 5;
