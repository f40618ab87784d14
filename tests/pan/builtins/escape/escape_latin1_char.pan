object template escape_latin1_char;
# @expect=/nlist[@name="profile"]/string[@name="v"]="_f1"
'/v' = escape('ñ');
