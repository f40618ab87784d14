unique template add_once;
'/entries' = append('u');
