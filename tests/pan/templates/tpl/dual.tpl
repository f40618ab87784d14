template dual;
'/which' = 'tpl';
