object template join_empty_delimiter;
# @expect=/nlist[@name="profile"]/string[@name="v"]="pq"
'/v' = join('', list('p', 'q'));
