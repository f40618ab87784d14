object template replace_regex_class;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a#b##"
'/v' = replace('[0-9]', '#', 'a1b22');
