object template no_spaces_needed;
# @expect=/nlist[@name="profile"]/long[@name="v"]="13"
'/v'=2*(3+4)-1;
