object template format_dict_argument;
# @expect=/nlist[@name="profile"]/string[@name="v"]="{ b, x, z, 1 }"
'/v' = format('%s', dict('z', 1, 'b', 'x'));
