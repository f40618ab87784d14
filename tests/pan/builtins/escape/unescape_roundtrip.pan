object template unescape_roundtrip;
# @expect=/nlist[@name="profile"]/string[@name="v"]="x/y z.1"
'/v' = unescape(escape('x/y z.1'));
