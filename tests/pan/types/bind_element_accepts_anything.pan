object template bind_element_accepts_anything;
# @expect=/nlist[@name="profile"]/*[@name="e"]/long[@name="k"]="1"
bind '/e' = element;
'/e' = dict('k', 1);
