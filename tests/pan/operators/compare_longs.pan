object template compare_longs;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[4][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[5][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[6][name()="boolean"]="false"
'/v' = list(3 < 4, 3 <= 3, 4 > 3, 4 >= 5, 3 == 3, 3 != 3);
