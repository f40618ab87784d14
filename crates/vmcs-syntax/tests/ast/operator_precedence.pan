object template operator_precedence;
'/a' = 1 + 2 * 3 - 4 / 2 % 3;
'/b' = a || b && c | d ^ e & f == g < h + i;
'/c' = 1 - -2 < 3 != !x;
'/d' = (1 + 2) * ~0x1F;
