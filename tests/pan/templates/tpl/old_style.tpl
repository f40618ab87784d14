template old_style;
'/style' = 'tpl';
