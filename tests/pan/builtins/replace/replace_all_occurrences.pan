object template replace_all_occurrences;
# @expect=/nlist[@name="profile"]/string[@name="v"]="bAnAnA"
'/v' = replace('a', 'A', 'banana');
