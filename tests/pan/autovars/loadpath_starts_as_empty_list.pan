object template loadpath_starts_as_empty_list;
# LOADPATH is an automatic variable: an empty list until a template sets it, and SELF in
# its definition starts from that list.
# @expect=count(/nlist[@name="profile"]/list[@name="before"]/*)=0 and /nlist[@name="profile"]/list[@name="after"]/*[1]="site"
'/before' = LOADPATH;
variable LOADPATH = {
  l = SELF;
  l[length(l)] = 'site';
  l;
};
'/after' = LOADPATH;
