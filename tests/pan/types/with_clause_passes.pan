object template with_clause_passes;
# @expect=/nlist[@name="profile"]/long[@name="e"]="10"
type even_t = long with SELF % 2 == 0;
bind '/e' = even_t;
'/e' = 10;
