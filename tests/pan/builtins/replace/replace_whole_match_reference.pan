object template replace_whole_match_reference;
# @expect=/nlist[@name="profile"]/string[@name="v"]="f[oo]"
'/v' = replace('o+', '[$0]', 'foo');
