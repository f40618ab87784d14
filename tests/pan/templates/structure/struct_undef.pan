structure template struct_undef;
'required' = undef;
