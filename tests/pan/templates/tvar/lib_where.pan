declaration template lib_where;
function where_am_i = TEMPLATE;
