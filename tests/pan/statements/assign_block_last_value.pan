object template assign_block_last_value;
# @expect=/nlist[@name="profile"]/string[@name="v"]="c"
'/v' = { 'a'; 'b'; 'c'; };
