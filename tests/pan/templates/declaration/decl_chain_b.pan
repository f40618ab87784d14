declaration template decl_chain_b;
variable CHAINED = 'b-value';
