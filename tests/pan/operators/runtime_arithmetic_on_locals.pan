object template runtime_arithmetic_on_locals;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[1]="34"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[2]="26"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[3]="120"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[4]="7"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[5]="2"
'/v' = { a = 30; b = 4; list(a + b, a - b, a * b, a / b, a % b); };
