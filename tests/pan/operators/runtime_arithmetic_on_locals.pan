object template runtime_arithmetic_on_locals;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="34"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="26"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="long"]="120"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[4][name()="long"]="7"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[5][name()="long"]="2"
'/v' = { a = 30; b = 4; list(a + b, a - b, a * b, a / b, a % b); };
