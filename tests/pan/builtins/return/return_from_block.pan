object template return_from_block;
# @expect=/nlist[@name="profile"]/string[@name="v"]="early"
'/v' = { return('early'); 'late'; };
