object template is_nlist_alias;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = is_nlist(dict('a', 1));
