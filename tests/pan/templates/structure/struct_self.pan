structure template struct_self;
'items' = list('a');
'items' = append('b');
'opt' ?= 'dflt';
