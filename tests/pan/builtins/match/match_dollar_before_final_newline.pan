object template match_dollar_before_final_newline;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = match("end\n", 'end$');
