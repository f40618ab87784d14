declaration template decl_schema;
type pct = long(0..100);
bind '/load' = pct;
