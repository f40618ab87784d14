object template t;
'/a' = {'k': 1};
