object template pan_preferred_over_tpl;
# @expect=/nlist[@name="profile"]/string[@name="which"]="pan"
include 'dual';
