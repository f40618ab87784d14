object template escape_leading_digit;
# @expect=/nlist[@name="profile"]/string[@name="v"]="_37up"
'/v' = escape('7up');
