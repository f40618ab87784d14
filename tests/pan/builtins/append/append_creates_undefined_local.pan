object template append_creates_undefined_local;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="x"
'/v' = { append(newlist, 'x'); newlist; };
