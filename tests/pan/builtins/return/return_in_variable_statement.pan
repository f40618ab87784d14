object template return_in_variable_statement;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
variable EARLY = { return(5); 6; };
'/v' = EARLY;
