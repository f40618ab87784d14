declaration template decl_assigns;
'/nope' = 1;
