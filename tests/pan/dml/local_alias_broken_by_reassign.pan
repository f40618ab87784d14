object template local_alias_broken_by_reassign;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="one"
'/v' = { a = list('one'); b = a; b = list('other'); a; };
