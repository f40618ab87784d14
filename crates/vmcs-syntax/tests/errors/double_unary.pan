object template t;
'/a' = !!true;
