template variant_blue;
'/color' = 'blue';
