object template record_include_adds_fields;
# @expect=/nlist[@name="profile"]/*[@name="i"]/long[@name="id"]="1"
# @expect=/nlist[@name="profile"]/*[@name="i"]/string[@name="label"]="L"
type common_t = { 'id' : long };
type item_t = { include common_t 'label' ? string };
bind '/i' = item_t;
'/i/id' = 1;
'/i/label' = 'L';
