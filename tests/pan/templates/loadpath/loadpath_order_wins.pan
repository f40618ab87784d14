object template loadpath_order_wins;
# @expect=/nlist[@name="profile"]/string[@name="conf"]="first"
# @expect=/nlist[@name="profile"]/string[@name="extra"]="second"
variable LOADPATH = list('first', 'second');
include 'conf';
include 'extra';
