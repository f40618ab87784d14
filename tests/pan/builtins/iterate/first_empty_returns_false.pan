object template first_empty_returns_false;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
'/v' = { ok = first(dict(), k, x); list(ok, is_defined(k)); };
