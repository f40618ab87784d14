template conf;
'/conf' = 'first';
