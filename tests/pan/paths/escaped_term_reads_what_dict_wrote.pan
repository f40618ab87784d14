object template escaped_term_reads_what_dict_wrote;
# dict() escapes a braced key as a path does, so value() finds it.
# @expect=/nlist[@name="profile"]/string[@name="found"]="yes" and /nlist[@name="profile"]/nlist[@name="d"]/string[@name="a_20b"]="yes"
'/d' = dict('{a b}', 'yes');
'/found' = value('/d/{a b}');
