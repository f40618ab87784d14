object template hash_inside_string_not_comment;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a # b"
'/v' = 'a # b';
