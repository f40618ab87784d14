object template dict_undef_value_counted;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1"
'/v' = { d = dict('u', undef); length(d); };
