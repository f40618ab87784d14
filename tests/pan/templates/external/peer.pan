object template peer;
'/role' = 'database';
'/port' = 5432;
