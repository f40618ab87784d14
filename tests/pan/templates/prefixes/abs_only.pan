template abs_only;
'/abs' = 'a';
