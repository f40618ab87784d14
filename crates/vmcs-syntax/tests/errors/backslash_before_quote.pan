object template t;
'/a' = "a\\" + "b";
