object template reference_first_next_value_writes_through;
# The value variable of first()/next() refers to the element of the dict it walks.
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="x"]/string[@name="seen"]="x" and /nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="y"]/string[@name="seen"]="y"
'/r' = {
  m = dict('x', dict(), 'y', dict('old', true));
  more = first(m, k, v);
  while (more) {
    v['seen'] = k;
    more = next(m, k, v);
  };
  m;
};
