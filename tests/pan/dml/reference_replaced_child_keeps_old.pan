object template reference_replaced_child_keeps_old;
# Replacing a child does not change a variable that referred to the old child.
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="cfg"]/nlist[@name="a"]/long[@name="new"]=1 and not(/nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="cfg"]/nlist[@name="a"]/long[@name="kept"]) and /nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="old"]/long[@name="kept"]=2
'/r' = {
  cfg = dict('a', dict('orig', 0));
  old = cfg['a'];
  cfg['a'] = dict('new', 1);
  old['kept'] = 2;
  dict('cfg', cfg, 'old', old);
};
