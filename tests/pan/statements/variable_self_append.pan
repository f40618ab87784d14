object template variable_self_append;
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[2][name()="string"]="b"
variable L = list('a');
variable L = append(SELF, 'b');
'/l' = L;
