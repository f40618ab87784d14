template conf;
'/conf' = 'second';
