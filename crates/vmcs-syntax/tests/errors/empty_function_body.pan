object template t;
function f = ;
'/b' = 2;
