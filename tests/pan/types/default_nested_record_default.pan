object template default_nested_record_default;
# @expect=/nlist[@name="profile"]/*[@name="o"]/*[@name="in"]/long[@name="depth"]="1"
type in_t = { 'depth' : long = 1 };
type out_t = { 'in' : in_t = dict() };
bind '/o' = out_t;
'/o' = dict();
