object template replace_no_match_unchanged;
# @expect=/nlist[@name="profile"]/string[@name="v"]="abc"
'/v' = replace('q', 'Q', 'abc');
