object template t;
'/a' = "bad \q escape";
'/b' = "\x4";
