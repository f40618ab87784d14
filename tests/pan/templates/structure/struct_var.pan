structure template struct_var;
variable SV = 1;
'k' = 1;
