template dual;
'/which' = 'pan';
