object template is_property_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
'/v' = list(is_property('x'), is_property(1), is_property(list()));
