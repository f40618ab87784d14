template ordinary_not_struct;
'/x' = 1;
