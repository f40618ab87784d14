object template index_first_under_list_prefix;
# Below a prefix that is not the root, a relative path may start with an index.
# @expect=/nlist[@name="profile"]/list[@name="users"]/*[2]/string[@name="name"]="bob"
'/users' = list(dict('name', 'ann'), dict('name', 'x'));
prefix '/users';
'1/name' = 'bob';
