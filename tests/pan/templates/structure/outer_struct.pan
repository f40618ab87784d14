structure template outer_struct;
'name' = 'outer';
'child' = create('inner_struct');
include 'mixin_struct';
