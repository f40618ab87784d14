object template unique_final_twice_ok;
# @expect=/nlist[@name="profile"]/string[@name="locked"]="yes"
include 'locked';
include 'locked';
