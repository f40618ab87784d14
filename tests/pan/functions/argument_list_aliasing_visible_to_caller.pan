object template argument_list_aliasing_visible_to_caller;
# @expect=/nlist[@name="profile"]/string[@name="v"]="mutated"
function mutate = { l = ARGV[0]; l[0] = 'mutated'; 'done'; };
'/v' = { mine = list('orig'); mutate(mine); mine[0]; };
