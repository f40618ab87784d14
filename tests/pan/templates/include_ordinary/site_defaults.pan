template site_defaults;
'/site/name' = 'lab';
