object template self_writes_visible_to_value;
# SELF is the element being assigned: value() on its path sees what the block wrote.
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/long[@name="b"]=2 and /nlist[@name="profile"]/list[@name="l"]/*[2]=1
'/r' = {
  SELF['a'] = 1;
  SELF['b'] = value('/r/a') + 1;
  SELF;
};
'/l' = list();
'/l' = {
  SELF[0] = 0;
  SELF[1] = length(value('/l'));
  SELF;
};
