object template declaration_includes_declaration;
# @expect=/nlist[@name="profile"]/string[@name="v"]="b-value"
include 'decl_chain_a';
'/v' = CHAINED;
