declaration template decl_chain_a;
include 'decl_chain_b';
