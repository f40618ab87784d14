object template append_to_value_copy_leaves_path;
# @expect=count(/nlist[@name="profile"]/*[@name="src"]/*)=1
# @expect=count(/nlist[@name="profile"]/*[@name="dst"]/*)=2
'/src' = list('s');
'/dst' = { c = value('/src'); append(c, 't'); c; };
