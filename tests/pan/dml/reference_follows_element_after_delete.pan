object template reference_follows_element_after_delete;
# A variable that refers to a list element keeps referring to it when an earlier element
# is deleted (the element moves down by one).
# @expect=/nlist[@name="profile"]/list[@name="r"]/*[2]/string[@name="id"]="c" and /nlist[@name="profile"]/list[@name="r"]/*[2]/boolean[@name="marked"]="true" and not(/nlist[@name="profile"]/list[@name="r"]/*[1]/boolean[@name="marked"])
'/r' = {
  l = list(dict('id', 'a'), dict('id', 'b'), dict('id', 'c'));
  c = l[2];
  l[0] = null;
  c['marked'] = true;
  l;
};
