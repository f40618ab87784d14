template fn_two;
function shared = 2;
