object template bind_string_accepts_empty;
# @expect=/nlist[@name="profile"]/string[@name="s"]=""
bind '/s' = string;
'/s' = '';
