object template is_valid_list_type;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
type names_t = string[];
'/v' = list(is_valid(names_t, list('a')), is_valid(names_t, list(1)));
