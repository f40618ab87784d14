object template t;
'/a' = { 1;; 2; };
