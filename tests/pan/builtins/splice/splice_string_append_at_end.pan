object template splice_string_append_at_end;
# @expect=/nlist[@name="profile"]/string[@name="v"]="abc"
'/v' = splice('ab', 2, 0, 'c');
