object template append_creates_undefined_local;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="x"
'/v' = { append(newlist, 'x'); newlist; };
