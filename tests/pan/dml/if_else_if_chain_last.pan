object template if_else_if_chain_last;
# @expect=/nlist[@name="profile"]/string[@name="v"]="large"
'/v' = { n = 99; if (n < 10) 'small' else if (n < 50) 'medium' else 'large'; };
