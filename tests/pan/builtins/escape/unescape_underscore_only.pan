object template unescape_underscore_only;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = unescape('_');
