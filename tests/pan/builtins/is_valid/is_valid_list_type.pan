object template is_valid_list_type;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
type names_t = string[];
'/v' = list(is_valid(names_t, list('a')), is_valid(names_t, list(1)));
