object template substitute_plain_dollar_untouched;
# @expect=/nlist[@name="profile"]/string[@name="v"]="$5 and $x"
'/v' = substitute('$5 and $x', dict());
