object template escaped_key_in_subscript;
# A braced string subscript is escaped when it writes and when it reads.
# @expect=/nlist[@name="profile"]/nlist[@name="m"]/long[@name="eth0_2e100"]=7 and /nlist[@name="profile"]/long[@name="back"]=7
'/m' = { t = dict(); t['{eth0.100}'] = 7; t; };
'/back' = { t = value('/m'); t['{eth0.100}']; };
