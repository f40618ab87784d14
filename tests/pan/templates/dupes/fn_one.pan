template fn_one;
function shared = 1;
