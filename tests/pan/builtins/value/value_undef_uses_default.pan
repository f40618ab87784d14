object template value_undef_uses_default;
# @expect=/nlist[@name="profile"]/string[@name="v"]="dflt"
'/u' = undef;
'/v' = value('/u', 'dflt');
'/u' = 'set';
