object template create_in_variable;
# @expect=/nlist[@name="profile"]/*[@name="d"]/string[@name="type"]="ssd"
variable D = create('disk');
'/d' = D;
