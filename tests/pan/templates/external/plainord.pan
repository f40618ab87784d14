template plainord;
'/x' = 1;
