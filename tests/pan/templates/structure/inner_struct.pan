structure template inner_struct;
'depth' = 2;
