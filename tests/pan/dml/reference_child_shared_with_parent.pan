object template reference_child_shared_with_parent;
# A local set from a child of another local refers to the same resource: writing through
# one is seen through the other.
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="net"]/long[@name="mtu"]=1500 and /nlist[@name="profile"]/nlist[@name="r"]/nlist[@name="net"]/string[@name="dev"]="eth0"
'/r' = {
  cfg = dict('net', dict('dev', 'eth0'));
  n = cfg['net'];
  n['mtu'] = 1500;
  cfg;
};
