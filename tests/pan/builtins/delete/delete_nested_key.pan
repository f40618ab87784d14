object template delete_nested_key;
# @expect=not(/nlist[@name="profile"]/*[@name="v"]/*[@name="o"]/*[@name="i"])
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[@name="o"]/long[@name="j"]="2"
'/v' = { d = dict('o', dict('i', 1, 'j', 2)); delete(d['o']['i']); d; };
