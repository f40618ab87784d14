object template unescape_plain;
# @expect=/nlist[@name="profile"]/string[@name="v"]="nothing"
'/v' = unescape('nothing');
