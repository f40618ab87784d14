object template format_extra_arguments_ignored;
# @expect=/nlist[@name="profile"]/string[@name="v"]="used"
'/v' = format('%s', 'used', 'ignored');
