object template is_null_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
'/v' = { n = null; list(is_null(n), is_null(undef), is_null(0)); };
