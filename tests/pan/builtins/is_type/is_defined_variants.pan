object template is_defined_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
'/v' = { u = undef; list(is_defined(1), is_defined(u), is_defined(missing_local)); };
