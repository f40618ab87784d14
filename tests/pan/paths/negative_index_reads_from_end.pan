object template negative_index_reads_from_end;
# -1 is the last element of a list, -2 the one before, in paths and subscripts.
# @expect=/nlist[@name="profile"]/string[@name="last"]="c" and /nlist[@name="profile"]/string[@name="second"]="b" and /nlist[@name="profile"]/string[@name="sub"]="b"
'/l' = list('a', 'b', 'c');
'/last' = value('/l/-1');
'/second' = value('/l/-2');
'/sub' = { t = value('/l'); t[-2]; };
