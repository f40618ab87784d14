object template reference_argv_element_writes_through;
# An argument that is a local resource is passed by reference: the function's write
# through ARGV reaches the caller's variable.
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/boolean[@name="tagged"]="true"
function tag = {
  ARGV[0]['tagged'] = true;
  true;
};
'/r' = {
  item = dict('name', 'a');
  tag(item);
  item;
};
