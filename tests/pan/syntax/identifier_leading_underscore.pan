object template identifier_leading_underscore;
# @expect=/nlist[@name="profile"]/string[@name="v"]="h"
variable _hidden = 'h';
'/v' = _hidden;
