object template t;
bind '/a' = long(1.5..2);
