object template format_string_width;
# @expect=/nlist[@name="profile"]/string[@name="v"]="[    ab]"
'/v' = format('[%6s]', 'ab');
