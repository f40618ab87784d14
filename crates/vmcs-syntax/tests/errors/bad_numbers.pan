object template t;
'/a' = 08 + 1.;
