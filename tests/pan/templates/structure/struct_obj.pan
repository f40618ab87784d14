structure template struct_obj;
'owner' = OBJECT;
