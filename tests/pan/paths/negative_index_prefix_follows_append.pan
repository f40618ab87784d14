object template negative_index_prefix_follows_append;
# A prefix ending in -1 names the element that is last when each assignment runs.
# @expect=/nlist[@name="profile"]/list[@name="nics"]/*[2]/string[@name="name"]="eth1" and /nlist[@name="profile"]/list[@name="nics"]/*[2]/long[@name="mtu"]=9000 and not(/nlist[@name="profile"]/list[@name="nics"]/*[1]/long[@name="mtu"])
'/nics' = list(dict('name', 'eth0'));
'/nics' = append(dict('name', 'eth1'));
prefix '/nics/-1';
'mtu' = 9000;
