object template next_after_last_returns_false_keeps_values;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[3]="0"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[4]="only"
'/v' = { l = list('only'); a = first(l, k, x); b = next(l, k, x); list(a, b, k, x); };
