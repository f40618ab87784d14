object template join_list_with_delimiter;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a:b:c"
'/v' = join(':', list('a', 'b', 'c'));
