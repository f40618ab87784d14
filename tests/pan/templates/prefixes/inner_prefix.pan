template inner_prefix;
prefix '/inner';
'k' = 'v';
