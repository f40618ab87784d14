template late;
'/setting' = 'late';
