structure template mixin_struct;
'mixed' = 'in';
'sub/leaf' = 'l';
