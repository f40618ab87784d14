object template empty_string_element;
# @expect=/nlist[@name="profile"]/string[@name="s"]=""
'/s' = '';
