object template variable_global_read_in_dml;
# @expect=/nlist[@name="profile"]/long[@name="v"]="15"
variable BASE = 10;
'/v' = { BASE + 5; };
