object template function_modifies_self;
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[2][name()="string"]="b"
function add_item = { SELF[length(SELF)] = ARGV[0]; SELF; };
'/l' = list('a');
'/l' = add_item('b');
