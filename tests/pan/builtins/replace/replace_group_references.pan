object template replace_group_references;
# @expect=/nlist[@name="profile"]/string[@name="v"]="right-left"
'/v' = replace('(\w+)-(\w+)', '$2-$1', 'left-right');
