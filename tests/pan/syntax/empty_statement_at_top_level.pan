object template empty_statement_at_top_level;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1"
;
;
'/v' = 1;
