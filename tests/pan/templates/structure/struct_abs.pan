structure template struct_abs;
'/abs' = 1;
