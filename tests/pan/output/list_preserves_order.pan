object template list_preserves_order;
# @expect=/nlist[@name="profile"]/*[@name="l"]/string[1]="zulu"
# @expect=/nlist[@name="profile"]/*[@name="l"]/string[2]="alpha"
# @expect=/nlist[@name="profile"]/*[@name="l"]/string[3]="mike"
'/l' = list('zulu', 'alpha', 'mike');
