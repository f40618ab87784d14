object template self_foreach_value_writes_through;
# The value variable of a foreach over a computed SELF refers to SELF's children:
# changing it changes SELF (as the site functions that walk SELF expect).
# @expect=/nlist[@name="profile"]/nlist[@name="users"]/nlist[@name="bob"]/list[@name="groups"]/*[2]="dba" and count(/nlist[@name="profile"]/nlist[@name="users"]/nlist[@name="ann"]/list[@name="groups"]/*)=1
'/admin' = 'wheel';
'/users' = {
  g = value('/admin');
  dict('ann', dict('groups', list(g)), 'bob', dict('groups', list(g)));
};
'/users' = {
  foreach (name; user; SELF) {
    if (name == 'bob') append(user['groups'], 'dba');
  };
  SELF;
};
