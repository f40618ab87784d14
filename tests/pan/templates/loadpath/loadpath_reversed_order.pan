object template loadpath_reversed_order;
# @expect=/nlist[@name="profile"]/string[@name="conf"]="second"
variable LOADPATH = list('second', 'first');
include 'conf';
