object template first_empty_returns_false;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
'/v' = { ok = first(dict(), k, x); list(ok, is_defined(k)); };
