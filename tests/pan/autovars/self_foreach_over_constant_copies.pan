object template self_foreach_over_constant_copies;
# A value set by a constant assignment is protected: the value variable of a foreach over
# it is a copy, so SELF keeps its children.
# @expect=count(/nlist[@name="profile"]/nlist[@name="users"]/nlist[@name="bob"]/list[@name="groups"]/*)=1
'/users' = dict('bob', dict('groups', list('wheel')));
'/users' = {
  foreach (name; user; SELF) append(user['groups'], 'dba');
  SELF;
};
