object template t;
'/a' = 1 +;
variable if = 2;
'/c' = { (1; };
'/d' = 4;
'/e' = ;
