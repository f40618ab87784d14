object template dangling_else;
'/a' = if (a) if (b) 1 else 2;
'/b' = if (a) while (c) if (d) 1 else 2 else 3;
'/c' = if (a) { 1; } else if (b) 2 else { 3 };
'/d' = x = if (a) 1;
