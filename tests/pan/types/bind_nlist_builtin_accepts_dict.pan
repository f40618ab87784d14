object template bind_nlist_builtin_accepts_dict;
# @expect=/nlist[@name="profile"]/*[@name="d"]/long[@name="z"]="0"
bind '/d' = nlist;
'/d' = dict('z', 0);
