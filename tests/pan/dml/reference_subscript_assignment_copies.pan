object template reference_subscript_assignment_copies;
# Assigning into a subscript stores a copy: later writes to the source are not seen.
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="b"]/long[@name="x"]=1 and not(/nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="b"]/long[@name="y"])
'/r' = {
  a = dict('x', 1);
  r = dict();
  r['b'] = a;
  a['y'] = 2;
  r;
};
