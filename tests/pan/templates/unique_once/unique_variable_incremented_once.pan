object template unique_variable_incremented_once;
# @expect=/nlist[@name="profile"]/long[@name="hits"]="11"
variable HITS = 10;
include 'counter_inc';
include 'counter_inc';
'/hits' = HITS;
