object template if_else_if_chain_first;
# @expect=/nlist[@name="profile"]/string[@name="v"]="small"
'/v' = { n = 1; if (n < 10) 'small' else if (n < 50) 'medium' else 'large'; };
