template base_only;
'/base' = 1;
