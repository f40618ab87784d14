object template matches_groups;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="key=value"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="key"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="value"
'/v' = matches('key=value', '^(\w+)=(\w+)$');
