object template dict_key_leading_digit_allowed;
# @expect=/nlist[@name="profile"]/*[@name="d"]/string[@name="9lives"]="cat"
'/d' = dict('9lives', 'cat');
