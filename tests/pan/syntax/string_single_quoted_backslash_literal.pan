object template string_single_quoted_backslash_literal;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a\tb"
'/v' = 'a\tb';
