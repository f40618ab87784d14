object template self_alias_is_self;
# A local set to SELF refers to it when SELF was computed: writes through the local are
# SELF's. (A SELF that a constant assignment set is protected: see
# statements/self_copy_is_independent.pan.)
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/long[@name="a"]=1 and /nlist[@name="profile"]/nlist[@name="r"]/long[@name="b"]=2
'/one' = 1;
'/r' = dict('a', value('/one'));
'/r' = {
  me = SELF;
  me['b'] = value('/r/a') + 1;
  SELF;
};
