object template compare_strings_lexically;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[4]="true"
'/v' = list('apple' < 'banana', 'Z' < 'a', 'ab' < 'abc', 'b' > 'abc');
