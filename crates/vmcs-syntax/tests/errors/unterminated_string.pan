object template t;
'/a' = 'never closed;
