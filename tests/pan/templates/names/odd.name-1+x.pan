template odd.name-1+x;
'/odd' = TEMPLATE;
