structure template svc;
'enabled' = true;
'port' = 0;
