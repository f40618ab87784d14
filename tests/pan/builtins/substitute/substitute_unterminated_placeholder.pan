object template substitute_unterminated_placeholder;
# @expect=/nlist[@name="profile"]/string[@name="v"]="${open"
'/v' = substitute('${open', dict('open', 1));
