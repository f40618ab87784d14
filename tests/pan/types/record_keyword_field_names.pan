object template record_keyword_field_names;
# @expect=/nlist[@name="profile"]/*[@name="r"]/long[@name="include"]="1"
type r_t = { 'include' : long 'type' : string };
bind '/r' = r_t;
'/r/include' = 1;
'/r/type' = 't';
