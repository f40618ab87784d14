object template calls_and_subscripts;
'/a' = f();
'/b' = f(,);
'/c' = f(, 1);
'/d' = f(1, g(2, 3),);
'/e' = { x = y[0]['k'][i + 1] = list(1); x[0]; };
