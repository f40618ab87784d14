template extra;
'/extra' = 'second';
