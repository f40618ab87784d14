object template replace_escaped_dollar;
# @expect=/nlist[@name="profile"]/string[@name="v"]="$"
'/v' = replace('cost', '\$', 'cost');
