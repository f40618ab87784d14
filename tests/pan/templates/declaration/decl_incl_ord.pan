declaration template decl_incl_ord;
include 'plain_ord';
