object template reference_foreach_value_writes_through;
# The value variable of foreach refers to the element: a field filled in one loop is read
# back by a later loop over the same list.
# @expect=/nlist[@name="profile"]/long[@name="total"]=60 and /nlist[@name="profile"]/list[@name="disks"]/*[3]/long[@name="gb"]=30
'/disks' = {
  disks = list(dict('n', 1), dict('n', 2), dict('n', 3));
  foreach (i; d; disks) {
    d['gb'] = d['n'] * 10;
  };
  disks;
};
'/total' = {
  disks = value('/disks');
  t = 0;
  foreach (i; d; disks) t = t + d['gb'];
  t;
};
