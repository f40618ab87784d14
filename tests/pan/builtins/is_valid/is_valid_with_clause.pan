object template is_valid_with_clause;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
type odd_t = long with SELF % 2 == 1;
'/v' = list(is_valid(odd_t, 3), is_valid(odd_t, 4));
