object template choice_inline;
# @expect=/nlist[@name="profile"]/string[@name="p"]="no"
bind '/p' = choice('yes', 'no');
'/p' = 'no';
