object template self_modify_list_element;
# @expect=/nlist[@name="profile"]/*[@name="l"]/long[1]="100"
# @expect=/nlist[@name="profile"]/*[@name="l"]/long[2]="2"
'/l' = list(1, 2);
'/l' = { SELF[0] = 100; SELF; };
