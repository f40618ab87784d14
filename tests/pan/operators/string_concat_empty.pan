object template string_concat_empty;
# @expect=/nlist[@name="profile"]/string[@name="v"]="x"
'/v' = 'x' + '';
