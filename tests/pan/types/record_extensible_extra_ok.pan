object template record_extensible_extra_ok;
# @expect=/nlist[@name="profile"]/*[@name="h"]/*[@name="anything"]/*[2][name()="string"]="x"
type host_t = extensible { 'name' : string };
bind '/h' = host_t;
'/h/name' = 'n';
'/h/anything' = list(1, 'x');
