object template assign_path_digit_started_key;
# @expect=/nlist[@name="profile"]/*[@name="d"]/string[@name="2nd"]="two"
'/d/2nd' = 'two';
