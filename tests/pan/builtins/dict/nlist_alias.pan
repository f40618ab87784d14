object template nlist_alias;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[@name="a"]="b"
'/v' = nlist('a', 'b');
