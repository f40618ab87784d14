object template local_alias_broken_by_reassign;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="one"
'/v' = { a = list('one'); b = a; b = list('other'); a; };
