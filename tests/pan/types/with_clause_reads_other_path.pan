object template with_clause_reads_other_path;
# @expect=/nlist[@name="profile"]/long[@name="v"]="50"
type below_t = long with SELF < value('/max');
bind '/v' = below_t;
'/max' = 100;
'/v' = 50;
