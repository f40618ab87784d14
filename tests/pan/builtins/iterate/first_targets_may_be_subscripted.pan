object template first_targets_may_be_subscripted;
# The targets of first()/next() may be subscripted variables (they get copies).
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/string[@name="k"]="a" and /nlist[@name="profile"]/nlist[@name="r"]/long[@name="v"]=1
'/r' = {
  out = dict();
  first(dict('a', 1, 'b', 2), out['k'], out['v']);
  out;
};
