object template range_string_length_inside;
# @expect=/nlist[@name="profile"]/string[@name="s"]="four"
bind '/s' = string(3..5);
'/s' = 'four';
