object template variable_with_loop_block;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="long"]="9"
variable SQUARES = { r = list(); for (i = 1; i <= 3; i = i + 1) r[length(r)] = i * i; r; };
'/v' = SQUARES;
