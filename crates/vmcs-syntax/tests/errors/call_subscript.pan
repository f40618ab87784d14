object template t;
'/a' = list(1, 2)[0];
