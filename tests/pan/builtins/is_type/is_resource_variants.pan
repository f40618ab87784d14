object template is_resource_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
'/v' = list(is_resource(list()), is_resource(dict()), is_resource('x'));
