object template append_to_self_undef;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[1]="3"
'/v' = undef;
'/v' = append(3);
