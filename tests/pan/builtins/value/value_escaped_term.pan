object template value_escaped_term;
# @expect=/nlist[@name="profile"]/string[@name="v"]="esc"
'/d/{x y}' = 'esc';
'/v' = value('/d/{x y}');
