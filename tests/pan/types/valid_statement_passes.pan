object template valid_statement_passes;
# @expect=/nlist[@name="profile"]/long[@name="n"]="0"
valid '/n' = SELF >= 0;
'/n' = 0;
