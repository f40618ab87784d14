object template foreach_key_overwrites_local_type;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
'/v' = { k = 'str'; foreach (k; v; list('only')) 0; k; };
