object template to_long_double_rounds_half_up;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="4"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="3"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="long"]="-3"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[4][name()="long"]="-4"
'/v' = list(to_long(3.5), to_long(3.49), to_long(-3.5), to_long(-3.51));
