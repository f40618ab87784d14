template present_tpl;
'/included' = true;
