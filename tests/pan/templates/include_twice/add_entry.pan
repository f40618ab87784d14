template add_entry;
'/entries' = append('e');
