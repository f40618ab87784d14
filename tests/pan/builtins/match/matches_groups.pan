object template matches_groups;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="key=value"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[2]="key"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[3]="value"
'/v' = matches('key=value', '^(\w+)=(\w+)$');
