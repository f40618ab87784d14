object template loops;
'/a' = {
  s = 0;
  for (i = 0; i < 10; i = i + 1) s = s + i;
  foreach (k; v; dict('a', 1)) { s = s + v; };
  while (s > 0) s = s - 1;
  s;
};
