template rel_ord;
'relative' = 1;
