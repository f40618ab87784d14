object template length_of_undef_is_zero;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
'/v' = length(undef);
