object template link_with_clause;
# @expect=/nlist[@name="profile"]/string[@name="ref"]="/names/a"
type ref_t = string* with match(SELF, '^/names/');
bind '/ref' = ref_t;
'/names/a' = 'x';
'/ref' = '/names/a';
