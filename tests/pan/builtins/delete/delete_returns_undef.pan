object template delete_returns_undef;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = { d = dict('a', 1); is_defined(delete(d['a'])); };
