object template return_from_nested_if;
# @expect=/nlist[@name="profile"]/string[@name="v"]="big"
'/v' = { x = 4; if (x > 3) { return('big'); }; 'small'; };
