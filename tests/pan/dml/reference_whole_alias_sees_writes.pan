object template reference_whole_alias_sees_writes;
# After b = a, both names refer to the same dict; rebinding a does not change b.
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/long[@name="k"]=1 and /nlist[@name="profile"]/nlist[@name="r"]/long[@name="j"]=2
'/r' = {
  a = dict();
  b = a;
  a['k'] = 1;
  b['j'] = 2;
  a = dict('other', 0);
  b;
};
